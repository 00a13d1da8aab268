using HubAspire.Core.Aggregations;

namespace HubAspire.Mapping.Entities;

/// <summary>The seven entities' map steps, in <see cref="Cubes.All"/> order: the one list the cube build and the processed dataset use.</summary>
public static class EntityMaps
{
    public static readonly IReadOnlyList<EntityMap> All =
    [
        new CompaniesMap(), new ContactsMap(), new DealsMap(), new MarketingEventsMap(),
        new EmailCampaignsMap(), new SupportTicketsMap(), new WebAnalyticsMap(),
    ];
}
