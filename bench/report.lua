-- wrk script for bench/run: sends what a browser sends (Accept-Encoding, and the sign-in cookie when
-- BENCH_COOKIE is set), a JSON body when BENCH_BODY is set, and prints one machine-readable line:
--   RESULT <requests/s> <mean µs> <p50 µs> <p99 µs> <requests> <failures>
-- failures counts socket errors, timeouts and answers of 400 or more.
local cookie = os.getenv("BENCH_COOKIE")
local body = os.getenv("BENCH_BODY")

wrk.headers["Accept-Encoding"] = "br, gzip"
if cookie ~= nil and cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end
if body ~= nil and body ~= "" then
   wrk.method = "POST"
   wrk.body = body
   wrk.headers["Content-Type"] = "application/json"
end

done = function(summary, latency, requests)
   local errors = summary.errors
   local failures = errors.connect + errors.read + errors.write + errors.timeout + errors.status
   io.write(string.format("RESULT %.1f %.0f %.0f %.0f %d %d\n",
      summary.requests / (summary.duration / 1e6), latency.mean, latency:percentile(50), latency:percentile(99),
      summary.requests, failures))
end
