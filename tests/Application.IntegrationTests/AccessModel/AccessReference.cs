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

        if (record.Kind == RecordKind.Household)
        {
            return Household(world, user, record);
        }

        // A local criterion or an assessment need about the family, not one member, is read as its family case is,
        // in its own data category (IS7b); about a member, it is that person's record.
        if (record.Kind == RecordKind.FamilyCase || (record.Kind is RecordKind.LocalCriterion or RecordKind.AssessmentNeed && record.Person < 0))
        {
            return FamilyCase(world, user, record);
        }

        var covers = record.Category == DataCategory.VictimSensitive
            ? []
            : world.Agreements.Select(a => Cover(world, a, user, record)).OfType<AgreementCover>().ToList();
        var grants = world.Grants.Where(g => g.User == user.Index && g.Person == record.Person && g.ExpiresAt > world.Now).ToList();
        var reason = covers.Exists(c => !c.Agreement.ConsentRequired) ? Reason.Agreement
            : covers.Count > 0 ? Reason.AgreementWithConsent
            : grants.Count > 0 ? Reason.BreakGlass
            : record.Kind == RecordKind.Person && WorksCaseOn(world, user, record.Person) ? Reason.OpenCase
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

    /// <summary>
    /// A family case is about its household's members on the days of their membership (DOMAIN.md IS7b): another
    /// agency reads it when, for a member today, an agreement covers it as it would a record of theirs of the case's
    /// category. No break-glass grant is for a household.
    /// </summary>
    private static Verdict FamilyCase(World world, WorldUser user, WorldRecord record)
    {
        var covers = record.Category == DataCategory.VictimSensitive
            ? []
            : world.People
                .Where(p => world.IsMember(record.Household, p.Index, world.Today))
                .SelectMany(p => world.Agreements.Select(a => Cover(world, a, user, record with { Person = p.Index })))
                .OfType<AgreementCover>()
                .ToList();
        var reason = covers.Exists(c => !c.Agreement.ConsentRequired) ? Reason.Agreement
            : covers.Count > 0 ? Reason.AgreementWithConsent
            : Reason.Refused;
        return new Verdict(covers.Count > 0, reason, covers, []);
    }

    /// <summary>
    /// A household is known to its owner, to whoever may see one of its members (current or past), and to whoever
    /// may read one of its family cases (FAM1, IS7). Its members are shown only as far as their person records are.
    /// </summary>
    private static Verdict Household(World world, WorldUser user, WorldRecord record)
    {
        var throughMember = world.Households[record.Household].Memberships
            .Select(m => Decide(world, user, world.Records.First(r => r.Kind == RecordKind.Person && r.Person == m.Person)))
            .FirstOrDefault(v => v.Reads);
        var throughCase = world.FamilyCases.Where(f => f.Household == record.Household)
            .Select(f => Decide(world, user, world.Records.First(r => r.Label == f.Label)))
            .FirstOrDefault(v => v.Reads);
        return (throughMember ?? throughCase) is { } known
            ? known with { Reason = Reason.HouseholdThroughMember }
            : new Verdict(false, Reason.Refused, [], []);
    }

    /// <summary>IS7a: the user's agency owns an open case on the person, or on a household the person is in today.</summary>
    private static bool WorksCaseOn(World world, WorldUser user, int person) =>
        world.Cases.Any(c => c.Owner == user.Agency && c.Person == person && c.Status != CaseStatus.Exited)
        || world.FamilyCases.Any(f => f.Owner == user.Agency && f.Status != CaseStatus.Exited && world.IsMember(f.Household, person, world.Today));

    /// <summary>Whether the person is enrolled in the scheme today: an open case of theirs, or of a household they are in today (IS7b).</summary>
    public static bool IsEnrolled(World world, int person, Scheme scheme) =>
        world.Cases.Any(c => c.Person == person && c.Scheme == scheme && c.Status != CaseStatus.Exited)
        || world.FamilyCases.Any(f => f.Scheme == scheme && f.Status != CaseStatus.Exited && world.IsMember(f.Household, person, world.Today));

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
                && IsEnrolled(world, record.Person, scheme))
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

    /// <summary>Another agency's household, known through a member or family case the reader may see.</summary>
    HouseholdThroughMember,

    /// <summary>IS7a: a person record read because the reader's agency works an open case on them or their household.</summary>
    OpenCase,
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
        Reason.HouseholdThroughMember => "a member or family case the reader may see",
        Reason.OpenCase => "an open case of the reader's agency on the person or their household (IS7a)",
        _ => "no rule allows it",
    };
}

public sealed record AgreementCover(WorldAgreement Agreement, IReadOnlyList<WorldConsent> Consents);
