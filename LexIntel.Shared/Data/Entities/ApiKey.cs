namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// A machine client's credential for one tenant. Only a hash of its secret is kept: the key is shown
/// once, when created, and found again by its public <see cref="Prefix"/>.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>The public, unique part of the key, by which it is looked up.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret part (high-entropy random bytes, so a fast hash is enough).</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>The tenant role the key acts with (<c>admin</c> or <c>member</c>).</summary>
    public required string Role { get; set; }

    /// <summary>The only cases the key reaches; null for every case its role would see.</summary>
    public Guid[]? CaseIds { get; set; }

    /// <summary>Who created it (a user id).</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
