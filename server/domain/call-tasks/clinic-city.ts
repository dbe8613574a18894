/**
 * The city of a clinic's address, for a local caller id (seed: 优先本地外显11位手机号): "上海市静安区…" → 上海,
 * "广东省广州市天河区…" → 广州, "广州市天河区…" → 广州. Null when the address names no city.
 */
export function clinicCity(address: string): string | null {
  const a = address.trim().replace(/^中国/, "");
  const afterProvince = a.replace(/^.{2,8}?(?:省|自治区|特别行政区)/, "");
  const m = /^(.{2,7}?)(?:市|地区|自治州|盟)/.exec(afterProvince);
  return m ? m[1]! : null;
}
