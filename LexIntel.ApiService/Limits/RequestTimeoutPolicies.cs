namespace LexIntel.ApiService.Limits;

/// <summary>The request-timeout policies routes name (<c>WithRequestTimeout</c>) beyond the default, each named after its key in <see cref="RequestTimeoutsOptions"/>.</summary>
public static class RequestTimeoutPolicies
{
    /// <summary>Uploading or downloading original files.</summary>
    public const string Transfer = nameof(RequestTimeoutsOptions.Transfer);
}
