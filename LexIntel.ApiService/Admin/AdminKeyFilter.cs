using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Admin;

/// <summary>Admits only requests with the configured admin key; the queues span every tenant.</summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Admin API disabled",
                detail: "The admin API is off until LexIntel:Admin:ApiKey is configured.");
        }

        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin key required",
                detail: $"Send the admin key in the {HeaderName} header.");
        }

        return await next(context);
    }
}
