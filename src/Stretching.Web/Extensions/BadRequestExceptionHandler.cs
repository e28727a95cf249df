using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Stretching.Web.Extensions;

/// <summary>
/// Requests the server cannot read are the caller's fault, not the server's: Kestrel's
/// BadHttpRequestException (a body over the endpoint's limit is 413; a broken body, a missing form
/// field is 400) and a missing or stale antiforgery token (400) keep their own status instead of
/// ending in a 500. API callers get problem+json with a plain title and no exception text; people get
/// the error page with that status.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The request is too large", "The request body is larger than this address accepts."),
            BadHttpRequestException { StatusCode: >= 400 and < 500 } bad =>
                (bad.StatusCode, "The request could not be read", "The request is incomplete or malformed."),
            AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, "The request could not be verified", "Reload the page and try again: its form had expired or did not come from this site."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Not handled here: the pages' exception handler goes on to render /error, with this status.
            return false;
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
