using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseManager.Domain.Auditing;

/// <summary>
/// The hash chain of the audit trail: each entry's hash covers its own fields and the previous entry's hash, so
/// altering or removing any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "GENESIS";

    public static string HashOf(AuditEntry entry, string previousHash)
    {
        var canonical = string.Join(
            '\u001f',
            previousHash,
            entry.Id.ToString("N"),
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.ActorUserId?.ToString("N") ?? string.Empty,
            entry.ActorEmail,
            entry.ActorAgency?.Value ?? string.Empty,
            entry.Action,
            entry.Outcome.ToString(),
            entry.Rule.ToString(),
            entry.EntityType ?? string.Empty,
            entry.EntityId ?? string.Empty,
            entry.SubjectPersonId?.ToString("N") ?? string.Empty,
            entry.OwnerAgency?.Value ?? string.Empty,
            entry.Detail ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
