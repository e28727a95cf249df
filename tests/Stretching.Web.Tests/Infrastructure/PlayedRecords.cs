using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stretching.Web.Tests.Infrastructure;

internal static class PlayedRecords
{
    /// <summary>A record of the routine played through: every item done, as the player sends it.</summary>
    public static async Task<JsonObject> ThroughAsync(HttpClient client, string routine = "twelve-back-stretches", string? id = null, DateTimeOffset? startedAt = null)
    {
        var session = await client.GetFromJsonAsync<JsonElement>($"/api/routines/{routine}");
        var items = session.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new JsonObject
            {
                ["slug"] = i.GetProperty("slug").GetString(),
                ["side"] = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(),
                ["status"] = "done",
                ["seconds"] = i.GetProperty("seconds").GetInt32(),
            }).ToArray();
        var start = startedAt ?? new DateTimeOffset(2026, 11, 20, 19, 30, 0, TimeSpan.FromHours(1));
        return new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["startedAt"] = start.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["finishedAt"] = start.AddMinutes(31).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["timeZone"] = "Europe/Berlin",
            ["source"] = new JsonObject { ["routine"] = routine },
            ["items"] = new JsonArray(items),
            ["painBefore"] = 4,
            ["painAfter"] = 2,
            ["ease"] = 2,
            ["note"] = "=SUM(A1) felt fine, \"really\"",
            ["flags"] = new JsonArray(new JsonObject { ["slug"] = items[^1]["slug"]!.GetValue<string>(), ["felt"] = "good" }),
        };
    }
}
