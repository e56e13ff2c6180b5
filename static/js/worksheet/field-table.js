// field-table.js: table, rows of typed columns, saved as [{column: value}…] (see rows.js).
fieldTypes.table = { get: getTable, set: setRows, show: showTable, copy: copyTable };
