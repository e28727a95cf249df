using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Stretching.Web.Apis;

/// <summary>
/// Reads a JSON request body so every way it can be wrong is a 400 naming the field: the wrong
/// content type or bad JSON ("body"), an unknown field or a wrong type (that field's name).
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest http, CancellationToken cancellationToken) where T : class
    {
        if (!http.HasJsonContentType())
        {
            return (null, Invalid("body", "Send the request as JSON with the Content-Type application/json."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, Invalid("body", "The body must be a JSON object."));
            var options = http.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            try
            {
                return (document.RootElement.Deserialize<T>(options)!, null);
            }
            catch (JsonException ex)
            {
                var field = FieldName(ex.Path);
                return (null, Invalid(field, $"'{field}' has the wrong type, is missing or is not a known field."));
            }
        }
    }

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> problems) =>
        TypedResults.ValidationProblem(problems, detail: $"Invalid field: {string.Join(", ", problems.Keys)}.", title: "The request is not valid");

    /// <summary>"$.focus[2]" becomes "focus"; a broken document as a whole is "body".</summary>
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var name = path.TrimStart('$', '.');
        var end = name.IndexOfAny(['.', '[']);
        return end > 0 ? name[..end] : name.Length > 0 ? name : "body";
    }
}
