using Microsoft.AspNetCore.Identity;

namespace CaseManager.Infrastructure.Identity;

/// <summary>A person who signs in. Belongs to exactly one agency.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>A disabled account never signs in again; it is kept for the audit trail, never deleted.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
