using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

public readonly record struct BreakGlassGrantId(Guid Value)
{
    public static BreakGlassGrantId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// Emergency access to everything held on one person, for one user, for a limited time (DOMAIN.md IS7 (3)).
/// It needs a written justification and a risk category; the information governance lead must review it, and
/// the person should be told unless that would be unsafe.
/// </summary>
public sealed class BreakGlassGrant : AggregateRoot
{
    private BreakGlassGrant()
    {
        Justification = string.Empty;
    }

    public BreakGlassGrantId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public Guid UserId { get; private set; }

    public AgencyCode UserAgency { get; private set; }

    public string Justification { get; private set; }

    public RiskCategory RiskCategory { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    /// <summary>UTC, as a plain date and time so that every database can compare it in the access query.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public BreakGlassReviewOutcome? ReviewOutcome { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>Null until someone records whether the person was told.</summary>
    public bool? PersonInformed { get; private set; }

    public string? PersonInformedNote { get; private set; }

    public static BreakGlassGrant Grant(PersonId personId, Guid userId, AgencyCode userAgency, string justification, RiskCategory risk, TimeSpan duration, DateTimeOffset at)
    {
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
        {
            throw new DomainRuleException("break-glass.bad-duration", "Break-glass access lasts between a minute and seven days");
        }

        var text = Guard.Required(justification, "break-glass.justification-required", "Explain why you need access now", 2000);
        if (text.Length < 20)
        {
            throw new DomainRuleException("break-glass.justification-too-short", "Explain why you need access now, in at least 20 characters");
        }

        return new BreakGlassGrant
        {
            Id = BreakGlassGrantId.New(),
            PersonId = personId,
            UserId = userId,
            UserAgency = userAgency,
            Justification = text,
            RiskCategory = risk,
            GrantedAt = at,
            ExpiresAtUtc = at.UtcDateTime.Add(duration),
        };
    }

    public DateTimeOffset ExpiresAt => new(DateTime.SpecifyKind(ExpiresAtUtc, DateTimeKind.Utc));

    public bool IsLiveAt(DateTimeOffset at) => at.UtcDateTime < ExpiresAtUtc;

    /// <summary>The information governance lead's decision. A reviewer never reviews their own access.</summary>
    public void Review(BreakGlassReviewOutcome outcome, string note, Guid reviewer, DateTimeOffset at)
    {
        if (ReviewedAt is not null)
        {
            throw new DomainRuleException("break-glass.already-reviewed", "This break-glass access has already been reviewed");
        }

        if (reviewer == UserId)
        {
            throw new DomainRuleException("break-glass.own-review", "Someone else must review your own break-glass access");
        }

        ReviewNote = Guard.Required(note, "break-glass.review-note-required", "Add a note explaining the decision", 2000);
        ReviewOutcome = outcome;
        ReviewedBy = reviewer;
        ReviewedAt = at;
        IncrementVersion();
    }

    /// <summary>Records whether the person was told of the access, and why not if they were not.</summary>
    public void RecordPersonInformed(bool informed, string? note)
    {
        if (!informed && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("break-glass.why-not-informed", "Say why telling the person would be unsafe");
        }

        PersonInformed = informed;
        PersonInformedNote = Guard.Optional(note, 1000, "break-glass.note-too-long", "The note must be 1000 characters or fewer");
        IncrementVersion();
    }
}
