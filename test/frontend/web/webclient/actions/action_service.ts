/** `@web/webclient/actions/action_service`: the props the action service gives a client action. */
export const standardActionServiceProps = {
  action: Object,
  actionId: { type: Number, optional: true },
  className: { type: String, optional: true },
  globalState: { type: Object, optional: true },
  state: { type: Object, optional: true },
  resId: { type: [Number, Boolean], optional: true },
  updateActionState: { type: Function, optional: true },
};
