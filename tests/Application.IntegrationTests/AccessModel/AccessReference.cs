using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// DOMAIN.md IS7 written out plainly over a <see cref="World"/>, in memory and independently of RecordAccess:
/// the oracle the model test compares every read path with.
/// </summary>
public static class AccessReference
{
    private static readonly Role[] ReadingRoles = [Role.Caseworker, Role.Manager, Role.ClaimsOfficer, Role.InformationGovernance];

    public static Verdict Decide(World world, WorldUser user, WorldRecord record)
    {
        if (!user.Roles.Any(ReadingRoles.Contains))
        {
            return new Verdict(false, Reason.NoReadingRole, [], []);
        }

        if (record.Owner == user.Agency)
        {
            return new Verdict(true, Reason.OwnAgency, [], []);
        }

        var covers = record.Category == DataCategory.VictimSensitive
            ? []
            : world.Agreements.Select(a => Cover(world, a, user, record)).OfType<AgreementCover>().ToList();
        var grants = world.Grants.Where(g => g.User == user.Index && g.Person == record.Person && g.ExpiresAt > world.Now).ToList();
        var reason = covers.Exists(c => !c.Agreement.ConsentRequired) ? Reason.Agreement
            : covers.Count > 0 ? Reason.AgreementWithConsent
            : grants.Count > 0 ? Reason.BreakGlass
            : world.Agreements.Any(a => a.Agencies.Contains(record.Owner) && a.Agencies.Contains(user.Agency)) ? Reason.RefusedDespiteAgreementBetweenAgencies
            : Reason.Refused;

        // A consent decision is shared by agreement only with an agency it names as a recipient: the decision itself
        // can show another agency's involvement. Its owner and a break-glass holder still see it.
        if (record.Kind == RecordKind.Consent && covers.Count > 0 && grants.Count == 0
            && !world.Consents.Single(k => k.Label == record.Label).Recipients.Contains(user.Agency))
        {
            reason = Reason.RefusedConsentNotNamingReader;
        }

        return new Verdict(reason is not (Reason.Refused or Reason.RefusedDespiteAgreementBetweenAgencies or Reason.RefusedConsentNotNamingReader), reason, covers, grants);
    }

    /// <summary>How the agreement lets the user read the record, or null when it does not.</summary>
    private static AgreementCover? Cover(World world, WorldAgreement agreement, WorldUser user, WorldRecord record)
    {
        var inForce = !agreement.Ended
            && agreement.ValidFrom <= world.Today
            && (agreement.ValidTo is null || world.Today <= agreement.ValidTo);
        if (!inForce
            || !agreement.Agencies.Contains(record.Owner)
            || !agreement.Agencies.Contains(user.Agency)
            || !agreement.Categories.Contains(record.Category))
        {
            return null;
        }

        var purposes = agreement.Purposes
            .Where(scheme => world.Agencies[user.Agency].Schemes.Contains(scheme)
                && world.Cases.Any(c => c.Person == record.Person && c.Scheme == scheme && c.Status != CaseStatus.Exited))
            .ToList();
        if (!agreement.ConsentRequired)
        {
            return purposes.Count > 0 ? new AgreementCover(agreement, []) : null;
        }

        var consents = world.Consents
            .Where(k => purposes.Contains(k.Purpose)
                && k.Person == record.Person
                && k.Status == ConsentStatus.Given
                && k.RecordedOn <= world.Today
                && world.Today <= k.ReviewOn
                && k.Recipients.Contains(user.Agency)
                && k.Categories.Contains(record.Category))
            .ToList();
        return consents.Count > 0 ? new AgreementCover(agreement, consents) : null;
    }
}

public enum Reason
{
    NoReadingRole,
    OwnAgency,
    Agreement,
    AgreementWithConsent,
    BreakGlass,
    RefusedDespiteAgreementBetweenAgencies,
    RefusedConsentNotNamingReader,
    Refused,
}

/// <summary>
/// The reference decision with everything that supports it: the agreements that cover the record (and for each that
/// needs consent, the consents that satisfy it) and the user's live break-glass grants for the person.
/// </summary>
public sealed record Verdict(bool Reads, Reason Reason, IReadOnlyList<AgreementCover> Covers, IReadOnlyList<WorldGrant> Grants)
{
    public string Why => Reason switch
    {
        Reason.NoReadingRole => "no case-reading role",
        Reason.OwnAgency => "own agency",
        Reason.Agreement or Reason.AgreementWithConsent => string.Join(" or ", Covers.Select(c =>
            c.Consents.Count == 0 ? c.Agreement.Label : $"{c.Agreement.Label} with {string.Join("/", c.Consents.Select(k => k.Label))}")),
        Reason.BreakGlass => $"break-glass {string.Join("/", Grants.Select(g => g.Label))}",
        Reason.RefusedConsentNotNamingReader => "an agreement covers it, but the consent decision does not name the reader's agency",
        _ => "no rule allows it",
    };
}

public sealed record AgreementCover(WorldAgreement Agreement, IReadOnlyList<WorldConsent> Consents);
