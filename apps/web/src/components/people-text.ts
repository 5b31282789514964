/** The words of the user picker and of people named on pages (issue 18.3, "People by name"). */
export const zhPeople = {
  'people.typeName': '输入姓名查找',
  'people.chosen': '已选：',
  'people.noneChosen': '尚未选择',
  'people.noMatch': '没有符合的人员，请换个姓名再试',
  'people.nobody': '没有可选的人员',
} as const;

export const enPeople: Record<keyof typeof zhPeople, string> = {
  'people.typeName': 'Type a name to find',
  'people.chosen': 'Chosen: ',
  'people.noneChosen': 'Nobody chosen yet',
  'people.noMatch': 'Nobody matches; try another name',
  'people.nobody': 'Nobody to choose from',
};
