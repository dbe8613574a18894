import { describe, expect, it } from "vitest";
import { callVariableValues, formatAppointmentTime, patientTitle } from "./call-variable-values";

const SH = "Asia/Shanghai";
const NOW = new Date("2026-03-02T02:00:00Z"); // 10:00, 2 March, Shanghai

describe("call variable values", () => {
  it("addresses the patient politely", () => {
    expect(patientTitle("王丽", "female")).toBe("王女士");
    expect(patientTitle("欧阳明", "male")).toBe("欧阳先生");
    expect(patientTitle("张三", "unknown")).toBe("张三");
  });

  it("words appointment times relative to the call, in the clinic's zone", () => {
    expect(formatAppointmentTime(new Date("2026-03-03T02:00:00Z"), NOW, SH)).toBe("明天上午10:00");
    expect(formatAppointmentTime(new Date("2026-03-02T07:30:00Z"), NOW, SH)).toBe("今天下午3:30");
    expect(formatAppointmentTime(new Date("2026-03-02T16:30:00Z"), NOW, SH)).toBe("明天凌晨0:30");
    expect(formatAppointmentTime(new Date("2026-03-04T04:00:00Z"), NOW, SH)).toBe("后天中午12:00");
    expect(formatAppointmentTime(new Date("2026-03-10T11:00:00Z"), NOW, SH)).toBe("3月10日晚上7:00");
    expect(formatAppointmentTime(new Date("2027-01-05T01:00:00Z"), NOW, SH)).toBe("2027年1月5日上午9:00");
  });

  it("fills only the variables it has data for", () => {
    const values = callVariableValues(
      {
        patient: { name: "李雷", gender: "male" },
        clinic: { shortName: "静安店", address: "上海市静安区南京西路1266号" },
        appointment: { startsAt: new Date("2026-03-03T06:00:00Z"), item: null },
        benefit: { name: "洁牙套餐剩余1次", expiresAt: new Date("2026-03-30T15:59:59Z") },
      },
      NOW,
      SH,
    );
    expect(values).toEqual({
      patientTitle: "李先生",
      clinicShortName: "静安店",
      clinicAddress: "上海市静安区南京西路1266号",
      appointmentTime: "明天下午2:00",
      appointmentItem: "就诊",
      benefitName: "洁牙套餐剩余1次",
      benefitExpiry: "3月30日",
    });
  });
});
