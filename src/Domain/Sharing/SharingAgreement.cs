using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Sharing;

public readonly record struct SharingAgreementId(Guid Value)
{
    public static SharingAgreementId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// An information-sharing agreement between agencies (DOMAIN.md IS7): which agencies share which categories of
/// data, for which purposes (schemes), on which lawful basis, and whether the person's consent is needed.
/// Managed by the information governance lead; ending it stops sharing under it on the next request.
/// </summary>
public sealed class SharingAgreement : AggregateRoot
{
    private readonly List<AgreementAgency> _agencies = [];
    private readonly List<AgreementCategory> _categories = [];
    private readonly List<AgreementPurpose> _purposes = [];

    private SharingAgreement()
    {
        Name = string.Empty;
    }

    public SharingAgreementId Id { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<AgreementAgency> Agencies => _agencies;

    public IReadOnlyList<AgreementCategory> Categories => _categories;

    public IReadOnlyList<AgreementPurpose> Purposes => _purposes;

    public LawfulBasis LawfulBasis { get; private set; }

    /// <summary>The Art 9 / DPA 2018 Schedule 1 condition, needed for special category data shared without consent.</summary>
    public string? SpecialCategoryCondition { get; private set; }

    /// <summary>The statutory gateway, such as "Crime and Disorder Act 1998 s115".</summary>
    public string? Gateway { get; private set; }

    public bool ConsentRequired { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the agreement applies, or null while it runs on; ending it sets this.</summary>
    public DateOnly? ValidTo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public static SharingAgreement Create(SharingAgreementTerms terms, Guid createdBy, DateTimeOffset at)
    {
        var agencies = terms.Agencies.Distinct().ToList();
        if (agencies.Count < 2)
        {
            throw new DomainRuleException("agreement.too-few-agencies", "An agreement is between at least two agencies");
        }

        var categories = terms.Categories.Distinct().ToList();
        if (categories.Count == 0)
        {
            throw new DomainRuleException("agreement.no-categories", "Select the categories of data the agreement covers");
        }

        if (categories.Contains(DataCategory.VictimSensitive))
        {
            throw new DomainRuleException("agreement.victim-sensitive", "Victim-sensitive records are never shared by agreement: only their owner or break-glass sees them");
        }

        var purposes = terms.Purposes.Distinct().ToList();
        if (purposes.Count == 0)
        {
            throw new DomainRuleException("agreement.no-purposes", "Select the schemes the agreement is for");
        }

        var condition = Guard.Optional(terms.SpecialCategoryCondition, 300, "agreement.condition-too-long", "The condition must be 300 characters or fewer");
        if (categories.Contains(DataCategory.HealthSubstanceMisuse) && !terms.ConsentRequired && condition is null)
        {
            throw new DomainRuleException(
                "agreement.special-category-needs-condition",
                "Health and substance misuse data is special category data: require consent, or record the Article 9 condition that allows sharing without it");
        }

        if (terms.ValidTo is { } to && to < terms.ValidFrom)
        {
            throw new DomainRuleException("agreement.ends-before-start", "The end date must be on or after the start date");
        }

        var agreement = new SharingAgreement
        {
            Id = SharingAgreementId.New(),
            Name = Guard.Required(terms.Name, "agreement.name-required", "Enter a name for the agreement", 200),
            LawfulBasis = terms.LawfulBasis,
            SpecialCategoryCondition = condition,
            Gateway = Guard.Optional(terms.Gateway, 300, "agreement.gateway-too-long", "The gateway must be 300 characters or fewer"),
            ConsentRequired = terms.ConsentRequired,
            ValidFrom = terms.ValidFrom,
            ValidTo = terms.ValidTo,
            CreatedAt = at,
            CreatedBy = createdBy,
        };
        agreement._agencies.AddRange(agencies.Select(a => new AgreementAgency(a)));
        agreement._categories.AddRange(categories.Select(c => new AgreementCategory(c)));
        agreement._purposes.AddRange(purposes.Select(p => new AgreementPurpose(p)));
        return agreement;
    }

    /// <summary>Ends the agreement: from today (the partnership's calendar) on, nothing is shared under it.</summary>
    public void End(string reason, DateTimeOffset at, DateOnly today)
    {
        if (EndedAt is not null)
        {
            throw new DomainRuleException("agreement.already-ended", "This agreement has already been ended");
        }

        EndReason = Guard.Required(reason, "agreement.end-reason-required", "Say why the agreement is ending", 500);
        EndedAt = at;
        var yesterday = today.AddDays(-1);
        ValidTo = ValidTo is { } to && to < yesterday ? to : yesterday;
        IncrementVersion();
    }

    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}

public sealed record SharingAgreementTerms(
    string Name,
    IReadOnlyCollection<AgencyCode> Agencies,
    IReadOnlyCollection<DataCategory> Categories,
    IReadOnlyCollection<Scheme> Purposes,
    LawfulBasis LawfulBasis,
    string? SpecialCategoryCondition,
    string? Gateway,
    bool ConsentRequired,
    DateOnly ValidFrom,
    DateOnly? ValidTo);

public sealed record AgreementAgency(AgencyCode Agency);

public sealed record AgreementCategory(DataCategory Category);

public sealed record AgreementPurpose(Scheme Scheme);
