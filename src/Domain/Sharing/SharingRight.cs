using System.Globalization;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

/// <summary>
/// One way an agency may read records of one category about a person that other agencies own (DOMAIN.md IS7
/// branch 2): an agreement lists the reader, covers the category and a scheme the person is enrolled in and the
/// reader takes part in, with the person's consent where the agreement needs it. The right extends to the records of
/// every other party to the agreement; the access rule checks the owner against the agreement's parties when it reads.
/// These rows are derived from agreements, consents, enrolments and agencies' schemes by <see cref="Derive"/>, kept in
/// step on every save that changes one of those, and read by the access rule (ADR 0015). Nobody edits them.
/// </summary>
public sealed class SharingRight
{
    private SharingRight()
    {
    }

    public long Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode ReaderAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public SharingAgreementId AgreementId { get; private set; }

    /// <summary>The consent it rests on, when the agreement needs one.</summary>
    public ConsentId? ConsentId { get; private set; }

    /// <summary>The first day it counts: the agreement's start, or the day consent was given if later.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day it counts (null: open-ended): the agreement's end, or the consent's review date if earlier.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool CountsOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    public override string ToString() =>
        $"{ReaderAgency} reads {DataCategory} on {PersonId} under {AgreementId}"
        + (ConsentId is { } consent ? $" with consent {consent}" : string.Empty)
        + $" from {ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + $" to {ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"}";

    /// <summary>
    /// Every right the given facts allow, each once. The facts must be complete for the people and agreements asked
    /// about: all of their open enrolments, all of their given consents, every agency's schemes. The answer does not
    /// depend on today: validity is kept as dates, so expiry and future starts take effect on the day without a write.
    /// Victim-sensitive records are never shared by agreement, so no right is made for them.
    /// </summary>
    public static IEnumerable<SharingRight> Derive(
        IEnumerable<Enrolment> enrolments,
        IReadOnlyCollection<SharingAgreement> agreements,
        IReadOnlyCollection<Consent> givenConsents,
        IReadOnlyDictionary<AgencyCode, IReadOnlySet<Scheme>> agencySchemes)
    {
        var consents = givenConsents
            .Where(c => c.Status == ConsentStatus.Given)
            .ToLookup(c => (c.PersonId, c.Purpose));
        var rights =
            from enrolment in enrolments.Distinct()
            from agreement in agreements
            where agreement.Purposes.Any(p => p.Scheme == enrolment.Scheme)
            from reader in agreement.Agencies.Select(a => a.Agency).Distinct()
            where agencySchemes.TryGetValue(reader, out var schemes) && schemes.Contains(enrolment.Scheme)
            from category in agreement.Categories.Select(c => c.Category).Distinct()
            where category != DataCategory.VictimSensitive
            from right in Under(agreement, enrolment, reader, category, consents).Select(r => r.Within(enrolment))
            where right.ValidTo is not { } to || right.ValidFrom <= to
            select right;

        // A person enrolled in two purposes of one agreement without consent gets the same right twice.
        return rights.DistinctBy(r => (r.PersonId, r.ReaderAgency, r.DataCategory, r.AgreementId, r.ConsentId, r.ValidFrom, r.ValidTo));
    }

    /// <summary>The right cut to the days of the enrolment, when it has any (a household membership, IS7b).</summary>
    private SharingRight Within(Enrolment enrolment)
    {
        if (enrolment.From is { } from && from > ValidFrom)
        {
            ValidFrom = from;
        }

        if (enrolment.To is { } to && (ValidTo is null || to < ValidTo))
        {
            ValidTo = to;
        }

        return this;
    }

    /// <summary>The agreement's right for one reader and category; with consent, one for each consent that covers them.</summary>
    private static IEnumerable<SharingRight> Under(
        SharingAgreement agreement, Enrolment enrolment, AgencyCode reader, DataCategory category, ILookup<(PersonId, Scheme), Consent> consents)
    {
        if (!agreement.ConsentRequired)
        {
            return [Right(agreement.ValidFrom, agreement.ValidTo, consentId: null)];
        }

        // Counts only while both the agreement and the consent do.
        return consents[(enrolment.PersonId, enrolment.Scheme)]
            .Where(c => c.Recipients.Any(r => r.Agency == reader) && c.Categories.Any(k => k.Category == category))
            .Select(c => Right(
                c.RecordedOn > agreement.ValidFrom ? c.RecordedOn : agreement.ValidFrom,
                agreement.ValidTo is { } end && end < c.ReviewOn ? end : c.ReviewOn,
                c.Id));

        SharingRight Right(DateOnly from, DateOnly? to, ConsentId? consentId) => new()
        {
            PersonId = enrolment.PersonId,
            ReaderAgency = reader,
            DataCategory = category,
            AgreementId = agreement.Id,
            ConsentId = consentId,
            ValidFrom = from,
            ValidTo = to,
        };
    }
}

/// <summary>
/// A person enrolled in a scheme: they have an open (not exited) case in it, or (DOMAIN.md IS7b) they are a member of
/// a household with an open family case in it, and then only on the days of their membership
/// (<paramref name="From"/> to <paramref name="To"/>, both included; null for no limit).
/// </summary>
public readonly record struct Enrolment(PersonId PersonId, Scheme Scheme, DateOnly? From = null, DateOnly? To = null);
