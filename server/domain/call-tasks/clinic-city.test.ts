import { describe, expect, it } from "vitest";
import { clinicCity } from "./clinic-city";

describe("clinicCity", () => {
  it("reads the city from a Chinese address", () => {
    expect(clinicCity("上海市静安区南京西路1266号")).toBe("上海");
    expect(clinicCity("广州市天河区天河路385号太古汇3楼")).toBe("广州");
    expect(clinicCity("广东省深圳市南山区科技园")).toBe("深圳");
    expect(clinicCity("新疆维吾尔自治区乌鲁木齐市天山区")).toBe("乌鲁木齐");
    expect(clinicCity("静安区南京西路")).toBeNull();
  });
});
