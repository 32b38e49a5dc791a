using LexIntel.ApiService.Progress;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace LexIntel.Tests.Unit.Progress;

[Tier(TestTier.Unit)]
public sealed class ProgressTicketsTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    private readonly ProgressTickets tickets;

    public ProgressTicketsTests() => tickets = new ProgressTickets(new EphemeralDataProtectionProvider(), time);

    [Fact]
    public void A_ticket_reads_back_as_issued_within_its_minute()
    {
        var granted = new ProgressTicket(Guid.NewGuid(), "lawyer@firm", ProgressTicket.CaseStream(Guid.NewGuid()));
        var (ticket, expiresAt) = tickets.Issue(granted);
        time.Advance(TimeSpan.FromSeconds(59));

        Assert.Equal(granted, tickets.Read(ticket));
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(1), expiresAt);
    }

    [Fact]
    public void An_expired_ticket_opens_nothing()
    {
        var (ticket, _) = tickets.Issue(new ProgressTicket(Guid.NewGuid(), "lawyer@firm", ProgressTicket.DocumentStream(Guid.NewGuid())));
        time.Advance(ProgressTickets.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(tickets.Read(ticket));
    }

    [Fact]
    public void A_ticket_from_other_keys_or_altered_opens_nothing()
    {
        var (ticket, _) = tickets.Issue(new ProgressTicket(Guid.NewGuid(), "lawyer@firm", ProgressTicket.DocumentStream(Guid.NewGuid())));
        var elsewhere = new ProgressTickets(new EphemeralDataProtectionProvider(), time);

        Assert.Null(elsewhere.Read(ticket));
        Assert.Null(tickets.Read(ticket[..^2] + (ticket[^2] == 'A' ? "BB" : "AA")));
        Assert.Null(tickets.Read("not a ticket"));
    }
}
