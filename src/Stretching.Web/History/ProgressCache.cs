using Microsoft.Extensions.Caching.Memory;

namespace Stretching.Web.History;

/// <summary>
/// The progression advice and the period reports worked out from people's histories, and the planned
/// sessions built with that advice, kept by this instance. Working one out reads and weighs weeks of
/// sessions, and Today, the plan, the history, the report and the progress API all need them: a person
/// moving between those pages has them worked out once. An entry is only ever found by a key that holds everything it was worked out from, the
/// <see cref="HistoryVersion"/> read from the database on each request among them, so a session stored,
/// imported or deleted through any instance is seen on the next request. The clock enters the keys by the
/// minute: advice that turns on the exact hour (the four weeks it looks back over) may be a minute behind.
/// Nothing one person's history shaped is found under another's key; bounded by count, per instance.
/// </summary>
public sealed class ProgressCache : IDisposable
{
    /// <summary>Enough for the people using one instance within a few minutes; each entry is some tens of kilobytes.</summary>
    public const int Capacity = 1000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>
    /// The value for <paramref name="key"/>, worked out once however many requests ask at the same moment.
    /// <paramref name="compute"/> must not depend on the asking request's cancellation: others may wait for it.
    /// A failure is not kept.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(object key, Func<Task<T>> compute)
    {
        var entry = _entries.GetOrCreate(key, created =>
        {
            created.Size = 1;
            created.AbsoluteExpirationRelativeToNow = Lifetime;
            return new Lazy<Task<T>>(compute);
        })!;
        try
        {
            return await entry.Value;
        }
        catch
        {
            _entries.Remove(key);
            throw;
        }
    }

    public void Dispose() => _entries.Dispose();
}
