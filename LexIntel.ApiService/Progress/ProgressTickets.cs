using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace LexIntel.ApiService.Progress;

/// <summary>
/// Short-lived, single-purpose tickets for browsers, whose <c>EventSource</c> cannot send an
/// Authorization header: a ticket names one user of one tenant and one progress stream, and opens
/// that stream for <see cref="Lifetime"/> after it was issued. It is encrypted and signed with the
/// API's data-protection keys (kept in Redis, so any API replica can read it).
/// </summary>
public sealed class ProgressTickets(IDataProtectionProvider protection, TimeProvider time)
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(60);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("LexIntel.ProgressTicket.v1").ToTimeLimitedDataProtector();

    public (string Ticket, DateTimeOffset ExpiresAt) Issue(ProgressTicket ticket)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        return (protector.Protect(string.Join('|', ticket.TenantId.ToString(), ticket.UserId, ticket.Stream), expiresAt), expiresAt);
    }

    /// <summary>The ticket's content, or null when it is forged, damaged or expired.</summary>
    public ProgressTicket? Read(string ticket)
    {
        try
        {
            var parts = protector.Unprotect(ticket, out var expiresAt).Split('|', 3);
            return expiresAt > time.GetUtcNow() && parts.Length == 3 && Guid.TryParse(parts[0], CultureInfo.InvariantCulture, out var tenant)
                ? new ProgressTicket(tenant, parts[1], parts[2])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
