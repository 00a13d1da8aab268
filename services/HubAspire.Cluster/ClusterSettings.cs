namespace HubAspire.Cluster;

/// <summary>The configuration keys through which the AppHost joins the silos, the generator and the ETL into one cluster.</summary>
public static class ClusterSettings
{
    /// <summary>Set in every member and client of a cluster (Aspire's <c>Orleans__ClusterId</c>); its absence means "no cluster: run in-process".</summary>
    public const string ClusterIdKey = "Orleans:ClusterId";

    /// <summary>The address a silo advertises; loopback unless set (one machine).</summary>
    public const string AdvertisedAddressKey = "Cluster:AdvertisedAddress";
}
