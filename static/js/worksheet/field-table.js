// field-table.js: table, rows of typed columns, saved as [{column: value}…] (see rows.js).
// Its update points the Call links of phone columns at their numbers, in added rows too.
fieldTypes.table = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: callLinks };
