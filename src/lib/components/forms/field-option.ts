/** One choice of a select or a checkbox group: the value the form posts and the label the visitor reads. */
export interface FieldOption {
  value: string;
  label: string;
}
