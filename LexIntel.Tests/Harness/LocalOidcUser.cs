namespace LexIntel.Tests.Harness;

/// <summary>Who <see cref="LocalOidcProvider"/> signs in and puts in its tokens: the user, their tenant (none for an operator) and roles.</summary>
public sealed record LocalOidcUser(string Subject, Guid? Tenant, IReadOnlyList<string> Roles);
