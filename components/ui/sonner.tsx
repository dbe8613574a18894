"use client"

import * as React from "react"
import {
  CircleCheckIcon,
  InfoIcon,
  Loader2Icon,
  OctagonXIcon,
  TriangleAlertIcon,
} from "lucide-react"
import { Toaster as Sonner, type ToasterProps } from "sonner"

/*
 * shadcn's Toaster reads the theme from `next-themes`; this project does not
 * depend on it, so we follow the `.dark` class on <html> instead (the same
 * switch the `dark:` variant in globals.css uses). Pass `theme` to override.
 */
function subscribeToHtmlClass(onChange: () => void) {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["class"],
  })
  return () => observer.disconnect()
}

function getHtmlTheme(): "light" | "dark" {
  return document.documentElement.classList.contains("dark") ? "dark" : "light"
}

function getServerTheme(): "light" | "dark" {
  return "light"
}

function useHtmlTheme() {
  return React.useSyncExternalStore(
    subscribeToHtmlClass,
    getHtmlTheme,
    getServerTheme
  )
}

const Toaster = ({ theme, ...props }: ToasterProps) => {
  const htmlTheme = useHtmlTheme()

  return (
    <Sonner
      theme={theme ?? htmlTheme}
      className="toaster group"
      icons={{
        success: <CircleCheckIcon className="size-4" />,
        info: <InfoIcon className="size-4" />,
        warning: <TriangleAlertIcon className="size-4" />,
        error: <OctagonXIcon className="size-4" />,
        loading: <Loader2Icon className="size-4 animate-spin" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as React.CSSProperties
      }
      {...props}
    />
  )
}

export { Toaster }
