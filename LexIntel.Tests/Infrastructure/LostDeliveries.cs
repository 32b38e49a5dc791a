using LexIntel.Shared.Queue;
using StackExchange.Redis;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// Leaves a kind's waiting entry as that many workers killed mid-job would: delivered to one
/// consumer after another (read once, then claimed from the last), none of which ever settles it.
/// </summary>
public static class LostDeliveries
{
    public static async Task MakeAsync(IDatabase db, string kind, int count)
    {
        var stream = QueueKeys.Stream(kind);
        var group = QueueKeys.Group(kind);
        await db.StreamCreateConsumerGroupAsync(stream, group, StreamPosition.Beginning);
        var entry = Assert.Single(await db.StreamReadGroupAsync(stream, group, "lost-1", StreamPosition.NewMessages, 1));
        for (var i = 2; i <= count; i++)
        {
            Assert.Single(await db.StreamClaimAsync(stream, group, $"lost-{i}", 0, [entry.Id]));
        }

        var pending = Assert.Single(await db.StreamPendingMessagesAsync(stream, group, 1, RedisValue.Null));
        Assert.Equal(count, pending.DeliveryCount);
    }
}
