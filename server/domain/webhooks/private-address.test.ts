import { describe, expect, it } from "vitest";
import { isIpLiteral, privateAddressReason } from "./private-address";

describe("webhook target addresses (SSRF)", () => {
  it("refuses loopback, private, link-local, metadata and unspecified IPv4", () => {
    for (const a of ["127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "255.255.255.255", "224.0.0.1"]) {
      expect(privateAddressReason(a), a).not.toBeNull();
    }
  });
  it("lets public IPv4 through, including the neighbours of the private ranges", () => {
    for (const a of ["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "11.0.0.1", "169.253.255.255", "126.255.255.255"]) {
      expect(privateAddressReason(a), a).toBeNull();
    }
  });
  it("refuses loopback, unique-local, link-local and IPv4-mapped private IPv6", () => {
    for (const a of ["::1", "::", "[::1]", "fc00::1", "fd00:ec2::254", "fe80::1%eth0", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "64:ff9b::10.0.0.1", "2002:c0a8:0101::1", "ff02::1"]) {
      expect(privateAddressReason(a), a).not.toBeNull();
    }
  });
  it("lets public IPv6 through", () => {
    for (const a of ["2606:4700:4700::1111", "2400:3200::1", "::ffff:8.8.8.8", "2001:4860:4860::8888"]) {
      expect(privateAddressReason(a), a).toBeNull();
    }
  });
  it("tells literals from names", () => {
    expect([isIpLiteral("10.0.0.1"), isIpLiteral("::1"), isIpLiteral("his.example.com"), isIpLiteral("1.2.3")]).toEqual([true, true, false, false]);
    expect(privateAddressReason("his.example.com")).toBe("not an IP address");
  });
});
