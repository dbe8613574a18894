import type { QualificationDocumentKind } from "@/server/domain/qualification/document-kinds";

/** A schematic drawing of each document (no real data), watermarked, for the local 材料示例 page. */
export function DocumentSample({ kind, watermark }: { kind: QualificationDocumentKind; watermark: string }) {
  return (
    <svg viewBox="0 0 320 220" role="img" aria-label={watermark} className="h-auto w-full rounded-md border bg-white" lang="zh-CN">
      {kind === "businessLicense" && (
        <g>
          <rect x="12" y="10" width="296" height="200" rx="4" fill="#fff8f0" stroke="#c2410c" strokeWidth="3" />
          <text x="160" y="46" textAnchor="middle" fontSize="22" fill="#b91c1c" fontWeight="700">营 业 执 照</text>
          {[72, 94, 116, 138, 160].map((y, i) => (
            <g key={y}>
              <text x="34" y={y} fontSize="10" fill="#444">{["名　　称", "类　　型", "法定代表人", "经营范围", "成立日期"][i]}</text>
              <rect x="100" y={y - 8} width={150 - i * 12} height="8" rx="2" fill="#e5e7eb" />
            </g>
          ))}
          <rect x="254" y="130" width="42" height="42" fill="#111" opacity="0.8" />
          <circle cx="230" cy="178" r="22" fill="none" stroke="#dc2626" strokeWidth="2.5" />
        </g>
      )}
      {(kind === "legalIdFront" || kind === "legalIdBack") && (
        <g>
          <rect x="30" y="22" width="260" height="170" rx="14" fill="#eef6ff" stroke="#93c5fd" strokeWidth="2" />
          {kind === "legalIdFront" ? (
            <>
              {[58, 82, 106, 130, 158].map((y, i) => (
                <rect key={y} x="50" y={y} width={[70, 90, 110, 130, 180][i]} height="9" rx="2" fill="#cbd5e1" />
              ))}
              <rect x="206" y="50" width="66" height="84" rx="4" fill="#dbeafe" stroke="#94a3b8" />
              <circle cx="239" cy="80" r="16" fill="#94a3b8" />
              <rect x="219" y="100" width="40" height="26" rx="12" fill="#94a3b8" />
            </>
          ) : (
            <>
              <circle cx="78" cy="72" r="28" fill="#fecaca" stroke="#dc2626" strokeWidth="2" />
              <text x="180" y="78" textAnchor="middle" fontSize="16" fill="#334155" fontWeight="700">居民身份证</text>
              <text x="60" y="144" fontSize="10" fill="#475569">签发机关</text>
              <rect x="118" y="136" width="120" height="9" rx="2" fill="#cbd5e1" />
              <text x="60" y="168" fontSize="10" fill="#475569">有效期限</text>
              <rect x="118" y="160" width="140" height="9" rx="2" fill="#cbd5e1" />
            </>
          )}
        </g>
      )}
      {kind === "networkSecurityPledge" && (
        <g>
          <rect x="70" y="8" width="180" height="204" fill="#fff" stroke="#94a3b8" />
          <text x="160" y="34" textAnchor="middle" fontSize="13" fill="#111" fontWeight="700">入网安全承诺书</text>
          {Array.from({ length: 9 }, (_, i) => (
            <rect key={i} x="86" y={48 + i * 14} width={i % 3 === 2 ? 100 : 148} height="6" rx="2" fill="#e2e8f0" />
          ))}
          <text x="150" y="186" fontSize="9" fill="#475569">（企业公章）</text>
          <circle cx="206" cy="182" r="20" fill="none" stroke="#dc2626" strokeWidth="2.5" />
        </g>
      )}
      <text x="160" y="130" textAnchor="middle" fontSize="44" fill="#ef4444" opacity="0.18" fontWeight="800" transform="rotate(-18 160 120)">
        {watermark}
      </text>
    </svg>
  );
}
