/**
 * `npm run vendor:check`: asks the configured vendors (CARRIER=tencent-ccc, SMS=tencent, with the variables of
 * docs/carrier.md) what the account can do now — numbers, packages, seats, SMS balance — and prints the problems, the
 * same list 外呼管理 shows. Exits 1 when it found any (for whoever installs the product, or a monitoring cron).
 */
import { getCarrier } from "../server/adapters/carrier";
import { getSms } from "../server/adapters/sms";
import { checkVendorCapacity, formatVendorCapacity } from "../server/services/vendor/check-vendor-capacity";

async function main() {
  const result = await checkVendorCapacity({ carrier: getCarrier(), sms: getSms() }, new Date());
  const { text, problems } = formatVendorCapacity(result);
  console.log(text);
  process.exitCode = problems ? 1 : 0;
}

void main();
