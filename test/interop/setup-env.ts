import { inject } from "vitest";
import { resetEnvForTests } from "@/lib/env";

// Known only once global-setup generated the CA: Ferry trusts it through its real setting.
process.env.FTP_CA_FILES = inject("interop").caFile;
resetEnvForTests();
