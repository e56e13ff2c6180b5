// Proves that a script from the site's own host runs under the policy.
document.getElementById('status').textContent = 'script ran';
