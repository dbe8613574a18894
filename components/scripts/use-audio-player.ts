"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** One audio at a time for the voice samples: clicking another voice stops the one playing. */
export function useAudioPlayer(onError?: () => void) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);

  const stop = useCallback(() => {
    audio.current?.pause();
    audio.current = null;
    setPlaying(null);
    setLoading(null);
  }, []);

  const play = useCallback(
    (id: string, url: string) => {
      stop();
      const el = new Audio(url);
      audio.current = el;
      setLoading(id);
      el.onplaying = () => {
        setLoading(null);
        setPlaying(id);
      };
      el.onended = () => setPlaying((p) => (p === id ? null : p));
      el.onerror = () => {
        setLoading(null);
        setPlaying(null);
        onError?.();
      };
      el.play().catch(() => undefined);
    },
    [stop, onError],
  );

  useEffect(() => stop, [stop]);
  return { play, stop, playing, loading };
}
