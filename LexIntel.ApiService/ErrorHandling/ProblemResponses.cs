namespace LexIntel.ApiService.ErrorHandling;

internal static class ProblemResponses
{
    /// <summary>
    /// Answers <paramref name="status"/> with problem details, for what refuses a request outside an
    /// endpoint (authentication challenges, rate limits, timeouts), where no <c>TypedResults</c> can.
    /// </summary>
    public static Task WriteProblemAsync(this HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
