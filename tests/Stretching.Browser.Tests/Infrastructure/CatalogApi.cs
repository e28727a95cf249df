using System.Text.Json;

namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>Reads the JSON API through the page's context, to compare what the pages show with it.</summary>
public static class CatalogApi
{
    public static async Task<JsonElement> GetAsync(IPage page, string pathAndQuery)
    {
        var response = await page.APIRequest.GetAsync("/api/" + pathAndQuery);
        Assert.True(response.Ok, $"GET /api/{pathAndQuery} returned {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    public static async Task<string[]> ExerciseNamesAsync(IPage page, string query = "") =>
        (await GetAsync(page, "exercises" + query)).EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
}
