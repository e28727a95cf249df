using System.Collections.Concurrent;

namespace Stretching.Core.Planning;

/// <summary>
/// IANA time zones by id. The runtime's own lookup takes a process-wide lock on every call, which pages
/// that convert dozens of times each, under many requests at once, queue on; zones found once are kept here
/// and read without a lock. Unknown ids are not kept, so a bad id costs a lookup each time, as before.
/// </summary>
public static class Zones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    /// <exception cref="TimeZoneNotFoundException">The id is not a time zone this machine knows.</exception>
    public static TimeZoneInfo Find(string id) =>
        Found.TryGetValue(id, out var zone) ? zone : Found.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById(id));

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (Found.TryGetValue(id, out zone!)) return true;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)) return false;
        zone = Found.GetOrAdd(id, found);
        return true;
    }
}
