using AngleSharp;
using AngleSharp.Dom;

namespace Stretching.Web.Tests.Pages;

internal static class HtmlPage
{
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(await response.Content.ReadAsStringAsync()));
    }
}
