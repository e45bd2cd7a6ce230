using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

/// <summary>A consent's id. Comparable, so that the review job can page through consents by key.</summary>
public readonly record struct ConsentId(Guid Value) : IComparable<ConsentId>
{
    public static ConsentId New() => new(Guid.CreateVersion7());

    public int CompareTo(ConsentId other) => Value.CompareTo(other.Value);

    public static bool operator <(ConsentId left, ConsentId right) => left.CompareTo(right) < 0;

    public static bool operator <=(ConsentId left, ConsentId right) => left.CompareTo(right) <= 0;

    public static bool operator >(ConsentId left, ConsentId right) => left.CompareTo(right) > 0;

    public static bool operator >=(ConsentId left, ConsentId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A person's consent (or refusal) to share data for one purpose with named agencies (DOMAIN.md IS7). Given
/// consent counts until its review date or until it is withdrawn, which takes effect at once (IS5). Refusals are
/// kept too: IS4 asks that every decision not to share is recorded.
/// </summary>
public sealed class Consent : AggregateRoot, IPersonRecord
{
    private readonly List<ConsentRecipient> _recipients = [];
    private readonly List<ConsentCategory> _categories = [];

    private Consent()
    {
    }

    public ConsentId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    /// <summary>The agency that recorded it.</summary>
    public AgencyCode OwnerAgency { get; private set; }

    /// <summary>A consent decision is part of who the person is to the partnership.</summary>
    public DataCategory DataCategory { get; private set; } = DataCategory.Identity;

    public Scheme Purpose { get; private set; }

    public IReadOnlyList<ConsentRecipient> Recipients => _recipients;

    public IReadOnlyList<ConsentCategory> Categories => _categories;

    public ConsentStatus Status { get; private set; }

    public ConsentGivenBy GivenBy { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    /// <summary>When it must be reviewed; given consent no longer counts after this day.</summary>
    public DateOnly ReviewOn { get; private set; }

    public string? Evidence { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public Guid? WithdrawnBy { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>"Today" is the partnership's calendar day, which decides what "in the future" means.</summary>
    public static Consent Record(ConsentDecision decision, AgencyCode recordingAgency, Guid recordedBy, DateOnly defaultReviewOn, DateOnly today)
    {
        if (decision.RecordedOn > today)
        {
            throw new DomainRuleException("consent.recorded-in-future", "The date consent was given cannot be in the future");
        }

        if (decision.Status == ConsentStatus.Withdrawn)
        {
            throw new DomainRuleException("consent.record-withdrawn", "Record consent as given or refused; withdraw it from the consent itself");
        }

        var recipients = decision.RecipientAgencies.Distinct().ToList();
        var categories = decision.Categories.Distinct().ToList();
        if (recipients.Count == 0 || categories.Count == 0)
        {
            throw new DomainRuleException("consent.incomplete", "Say which agencies and which categories of data the consent is about");
        }

        var reviewOn = decision.ReviewOn ?? defaultReviewOn;
        if (reviewOn <= decision.RecordedOn)
        {
            throw new DomainRuleException("consent.review-before-recorded", "The review date must be after the date consent was given");
        }

        var consent = new Consent
        {
            Id = ConsentId.New(),
            PersonId = decision.PersonId,
            OwnerAgency = recordingAgency,
            Purpose = decision.Purpose,
            Status = decision.Status,
            GivenBy = decision.GivenBy,
            RecordedOn = decision.RecordedOn,
            ReviewOn = reviewOn,
            Evidence = Guard.Optional(decision.Evidence, 1000, "consent.evidence-too-long", "Evidence must be 1000 characters or fewer"),
            RecordedBy = recordedBy,
        };
        consent._recipients.AddRange(recipients.Select(a => new ConsentRecipient(a)));
        consent._categories.AddRange(categories.Select(c => new ConsentCategory(c)));
        return consent;
    }

    /// <summary>Withdraws given consent: consent-based sharing stops from the next request (IS5).</summary>
    public void Withdraw(string? reason, Guid by, DateTimeOffset at)
    {
        if (Status != ConsentStatus.Given)
        {
            throw new DomainRuleException("consent.not-given", Status == ConsentStatus.Withdrawn
                ? "This consent has already been withdrawn"
                : "Only consent that was given can be withdrawn");
        }

        Status = ConsentStatus.Withdrawn;
        WithdrawnAt = at;
        WithdrawnBy = by;
        WithdrawalReason = Guard.Optional(reason, 500, "consent.reason-too-long", "The reason must be 500 characters or fewer");
        IncrementVersion();
    }

    /// <summary>
    /// True when this consent renews an earlier one: both given, recorded by the same agency for the same person and
    /// purpose, this one on or after the earlier one. Recipients and categories may differ: the renewal says what the
    /// person agrees to now. A refusal renews nothing: the earlier consent still counts until it is withdrawn.
    /// </summary>
    public bool Renews(Consent earlier) =>
        Id != earlier.Id
        && Status == ConsentStatus.Given
        && earlier.Status == ConsentStatus.Given
        && PersonId == earlier.PersonId
        && Purpose == earlier.Purpose
        && OwnerAgency == earlier.OwnerAgency
        && RecordedOn >= earlier.RecordedOn;

    /// <summary>True while this consent allows sharing on the given day.</summary>
    public bool CountsOn(DateOnly day) => Status == ConsentStatus.Given && RecordedOn <= day && ReviewOn >= day;
}

public sealed record ConsentDecision(
    PersonId PersonId,
    Scheme Purpose,
    IReadOnlyCollection<AgencyCode> RecipientAgencies,
    IReadOnlyCollection<DataCategory> Categories,
    ConsentStatus Status,
    ConsentGivenBy GivenBy,
    DateOnly RecordedOn,
    DateOnly? ReviewOn,
    string? Evidence);

public sealed record ConsentRecipient(AgencyCode Agency);

public sealed record ConsentCategory(DataCategory Category);
