// records.js: the saved records, for the own script of a page that sums them up (My next
// session, static/js/session/): self.iptRecords() returns every record, or false while
// the passphrase lock is on and locked; lock.js's class ws-locked on <html> says when
// that changes.
self.iptRecords = () => !locked() && all();
