namespace CaseManager.Infrastructure.Email;

/// <summary>
/// <c>Email:*</c>. With <see cref="SmtpHost"/> set, mail goes over SMTP; otherwise it is written as .eml files to
/// <see cref="PickupDirectory"/> (the Development default), where an operator or a test can read it.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "casemanager@localhost";

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>StartTLS on the submission port; turn off only for a relay on the same host.</summary>
    public bool SmtpUseStartTls { get; set; } = true;

    /// <summary>The service's public address, used in links inside emails.</summary>
    public string PublicBaseUrl { get; set; } = "https://localhost:5001";
}
