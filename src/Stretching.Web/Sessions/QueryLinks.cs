using Microsoft.AspNetCore.WebUtilities;

namespace Stretching.Web.Sessions;

/// <summary>Links that keep the current query and change one parameter (shuffle, start, leave out).</summary>
public static class QueryLinks
{
    public static string With(string path, IQueryCollection query, string key, string? value, bool replace = true)
    {
        var pairs = query
            .Where(p => !replace || !string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (value is not null) pairs.Add(new(key, value));
        return QueryHelpers.AddQueryString(path, pairs);
    }
}
