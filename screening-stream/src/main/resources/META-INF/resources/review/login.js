'use strict';
// The sign-in page says so when the last attempt failed (Quarkus sends it back here with ?failed=1).
document.getElementById('failed').hidden = !new URLSearchParams(location.search).has('failed');
