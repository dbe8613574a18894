/**
 * What planCompany takes and returns: the options of one seeded company and its plan, rows referring to each other by
 * index (clinic index, staff index, patient index).
 */
import type { SystemRoleKey } from "../../server/domain/auth/permissions";
import type { StaffSlot } from "./accounts";
import type { DentalItem, Profile } from "./dental-catalogue";
import type { SeedGender } from "./generators";

export interface SeedClinicInput {
  name: string;
  shortName: string;
  address: string;
  phone?: string;
  /** 1–4 capital letters, the prefix of this clinic's 病历号. Default: A, B, C … by position. */
  code?: string;
}

export interface SeedCompanyOptions {
  /** Short lowercase key ("a", "b" …) from which staff mobiles/e-mails and the PRNG seed derive. */
  key: string;
  name: string;
  clinics: SeedClinicInput[];
  patients: number;
  now: Date;
  /** Approved qualification, and the first two clinics opened for AI calls. */
  opened?: boolean;
}

export interface PlannedStaff {
  slot: StaffSlot;
  role: SystemRoleKey;
  name: string;
  mobile: string;
  email: string;
  allClinics: boolean;
  clinicIdx: number[];
}

export interface PlannedClinic extends SeedClinicInput {
  code: string;
  doctors: string[];
  opened: boolean;
}

export interface PlannedPatient {
  clinicIdx: number;
  profile: Profile;
  name: string;
  gender: SeedGender | "unknown";
  mobile: string | null;
  hasOwnMobile: boolean;
  registered: boolean;
  medicalRecordNo: string | null;
  birthday: Date | null;
  tags: string[];
  consultantIdx: number | null; // index into staff
  onlineConsultantIdx: number | null;
  createdAt: Date;
}

export interface PlannedAppointment {
  patientIdx: number;
  clinicIdx: number;
  startsAt: Date;
  status: "scheduled" | "arrived" | "cancelled" | "missed";
  item: DentalItem;
  doctorName: string;
  createdAt: Date;
}

export interface PlannedVisit {
  patientIdx: number;
  clinicIdx: number;
  visitedAt: Date;
  item: DentalItem;
}

export interface PlannedDeduction {
  patientIdx: number;
  clinicIdx: number;
  performedAt: Date;
  item: string;
  amountCents: number;
}

export interface PlannedBenefit {
  patientIdx: number;
  clinicIdx: number;
  name: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface PlannedFollowUp {
  patientIdx: number;
  clinicIdx: number;
  kind: "revisit" | "visit";
  title: string;
  content: string;
  dueAt: Date;
  status: "pending" | "done" | "cancelled";
  executorIdx: number | null;
  completedAt: Date | null;
  result: string | null;
  createdAt: Date;
}

export interface PlannedSmsTemplate {
  name: string;
  content: string;
  status: "pending" | "approved" | "rejected";
  rejectReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

export interface CompanyPlan {
  key: string;
  name: string;
  createdAt: Date;
  clinics: PlannedClinic[];
  staff: PlannedStaff[];
  patients: PlannedPatient[];
  appointments: PlannedAppointment[];
  visits: PlannedVisit[];
  deductions: PlannedDeduction[];
  benefits: PlannedBenefit[];
  followUps: PlannedFollowUp[];
  smsTemplates: PlannedSmsTemplate[];
  openingBalance: { callMinutes: number; sms: number; at: Date };
  qualification: { submittedAt: Date; reviewedAt: Date } | null;
}
