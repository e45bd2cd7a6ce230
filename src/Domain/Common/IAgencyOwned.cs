using CaseManager.Domain.Agencies;

namespace CaseManager.Domain.Common;

/// <summary>
/// Every record that holds case data says which agency owns it and which data category it belongs to.
/// The access rule (DOMAIN.md IS7) is decided from these two values, so they are stored columns on every row.
/// </summary>
public interface IAgencyOwned
{
    AgencyCode OwnerAgency { get; }

    DataCategory DataCategory { get; }
}
