using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Stretching.Web.Tests.Pages;

/// <summary>
/// Submits a server-rendered form the way a browser would: every field it carries (the antiforgery
/// token and Blazor's handler name included) with its current value, changed as the test says.
/// </summary>
internal static class HtmlForm
{
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IDocument page, string formSelector,
        IReadOnlyDictionary<string, string[]>? set = null, string? button = null) =>
        SubmitAsync(client, pageUrl, page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}; the page was '{Shown(page)}'."), set, button);

    /// <summary>Submits the form Blazor knows by this name (its FormName or @formname).</summary>
    public static Task<HttpResponseMessage> SubmitNamedAsync(HttpClient client, string pageUrl, IDocument page, string formName,
        IReadOnlyDictionary<string, string[]>? set = null) =>
        SubmitAsync(client, pageUrl, page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .SingleOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName)
            ?? throw new InvalidOperationException($"No form named '{formName}' on {pageUrl}; the page was '{Shown(page)}'."), set, null);

    /// <summary>What a page said, for a failure message: its title and first heading.</summary>
    private static string Shown(IDocument page) => $"{page.Title} / {page.QuerySelector("h1")?.TextContent.Trim()}";

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IHtmlFormElement form,
        IReadOnlyDictionary<string, string[]>? set, string? button)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.Type is "submit":
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } input:
                    if (input.IsChecked) fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, values) in set ?? new Dictionary<string, string[]>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        if (button is not null)
        {
            var pressed = form.QuerySelector(button) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button '{button}'.");
            if (!string.IsNullOrEmpty(pressed.Name)) fields.Add(new(pressed.Name!, pressed.Value));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : "/" + action.TrimStart('/');
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
