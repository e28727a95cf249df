using Microsoft.Extensions.Caching.Memory;
using Stretching.Core.History;

namespace Stretching.Web.History;

/// <summary>
/// Played sessions already read from their JSON, kept by this instance. A record is some 16 KB of JSON
/// (what was sent and the session played), and the pages of a person who keeps their plan read a hundred
/// of them on every visit; parsing them again each time was most of the work. The database still says
/// which records a page reads, and each is looked up here by its id, its content hash and when it was
/// received, so a record deleted, or stored again with other content, is never served from here, on
/// this instance or another. Records are never changed in place; code that one day rewrites one must
/// change its content hash too. Bounded by count, so it cannot hold more than some tens of megabytes.
/// </summary>
public sealed class RecordCache : IDisposable
{
    /// <summary>Enough for the recent weeks of a few dozen people who use the app every day.</summary>
    public const int Capacity = 2000;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _records = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public bool TryGet(string owner, string id, string contentHash, DateTime receivedAt, out SessionRecord record) =>
        _records.TryGetValue((owner, id, contentHash, receivedAt), out record!);

    public void Add(string owner, string id, string contentHash, DateTime receivedAt, SessionRecord record) =>
        _records.Set((owner, id, contentHash, receivedAt), record, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => _records.Dispose();
}
