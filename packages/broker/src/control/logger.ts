/** The node logger the control plane reports to; shared with the controller. */
export { SILENT_LOGGER } from "@tributary/controller/internal/node";
export type { Logger } from "@tributary/controller/internal/node";
