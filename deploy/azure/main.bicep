// Familiestøtte on Azure: one resource group holding the bot's App Service (Linux container),
// Azure Database for PostgreSQL (flexible server), Key Vault for the secrets, a user-assigned
// managed identity that reads them, logs in Log Analytics, the Azure Bot registration
// (single-tenant) with its Teams channel, and optionally an Azure OpenAI account in the same region.
//
//   az deployment group create -g rg-familiestotte -f deploy/azure/main.bicep \
//     -p @deploy/azure/main.parameters.example.json
//
// Everything stays in `location` (an EU region) except the Bot registration, which Azure only
// offers as 'global' (it holds the endpoint and app id, no case data).

targetScope = 'resourceGroup'

@description('EU region for every regional resource.')
@allowed(['swedencentral', 'northeurope', 'westeurope', 'germanywestcentral', 'francecentral'])
param location string = 'swedencentral'

@description('Short name used in every resource name, e.g. "fst-aarhus-prod". Lower case letters, digits, hyphens.')
@minLength(3)
@maxLength(20)
param namePrefix string

@description('The container image to run, e.g. "myregistry.azurecr.io/familiestotte:1.2.0".')
param containerImage string

@description('Client id of the bot\'s single-tenant Entra app registration (see docs/deployment.en.md).')
param microsoftAppId string

@description('Client secret of that app registration. Stored in Key Vault only.')
@secure()
param microsoftAppPassword string

@description('PostgreSQL administrator login (not a personal account).')
param postgresAdminLogin string = 'familiestotte_admin'

@description('PostgreSQL administrator password. Stored in Key Vault (inside DATABASE_URL) only.')
@secure()
param postgresAdminPassword string

@description('App Service plan size. P1v3 or larger for production.')
param appServiceSku string = 'P1v3'

@description('Bot instances. More than one needs PostgreSQL, which this template always provides.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('PostgreSQL compute. General purpose for production; Burstable only for trials.')
param postgresSkuName string = 'Standard_D2ds_v5'
param postgresSkuTier string = 'GeneralPurpose'

@description('Zone-redundant standby for PostgreSQL (doubles its cost).')
param postgresHighAvailability bool = false

@description('Days of point-in-time restore for PostgreSQL (7–35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

@description('Create an Azure OpenAI account and model deployment in the same region. The language model stays off in the bot unless llmEnabled is also true.')
param deployOpenAI bool = false
param openAIModelName string = 'gpt-4o-mini'
param openAIModelVersion string = '2024-07-18'
@description('Azure OpenAI API version the bot calls with.')
param openAIApiVersion string = '2024-10-21'

@description('Turn the language model on in the bot (needs deployOpenAI). Off by default; see the DPIA notes in the deployment guide.')
param llmEnabled bool = false

@description('Retention in days: closed cases, and the audit log by its own period.')
param retentionClosedCasesDays int = 1826
param retentionAuditDays int = 3653

@description('Name of the Bot Service OAuth connection used for Teams SSO; empty to skip it.')
param oauthConnectionName string = 'TeamsSSO'

@description('Application ID URI of the app registration, api://<domain>/<client-id>.')
param applicationIdUri string = ''

param tags object = {
  application: 'familiestotte'
}

var suffix = uniqueString(resourceGroup().id)
var keyVaultName = take('kv-${namePrefix}-${suffix}', 24)
var postgresName = 'psql-${namePrefix}-${suffix}'
var databaseName = 'familiestotte'
var tenantId = subscription().tenantId
// Built-in role: Key Vault Secrets User.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-${namePrefix}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: postgresName
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 64 }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      // Geo-redundant copies would leave the region; keep them off unless the paired region is acceptable.
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: postgresHighAvailability ? 'ZoneRedundant' : 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Only Azure services may connect (0.0.0.0 is Azure's marker for that). For production prefer
// VNet integration and a private endpoint; see the deployment guide.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource secretAppPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: microsoftAppPassword }
}

resource secretDatabaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

resource openAI 'Microsoft.CognitiveServices/accounts@2023-05-01' = if (deployOpenAI) {
  name: 'oai-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-${namePrefix}-${suffix}'
    publicNetworkAccess: 'Enabled'
  }
}

// 'Standard' (regional) keeps processing in `location`; Global or DataZone deployments would not.
resource openAIModel 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = if (deployOpenAI) {
  parent: openAI
  name: openAIModelName
  sku: { name: 'Standard', capacity: 30 }
  properties: {
    model: { format: 'OpenAI', name: openAIModelName, version: openAIModelVersion }
  }
}

resource secretOpenAIKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (deployOpenAI) {
  parent: vault
  name: 'azure-openai-api-key'
  properties: { value: deployOpenAI ? openAI.listKeys().key1 : '' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${namePrefix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: { reserved: true }
}

// App Service resolves these at start-up with keyVaultReferenceIdentity; the values never sit in the app's settings.
var kvPrefix = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

var baseSettings = [
  { name: 'WEBSITES_PORT', value: '3978' }
  { name: 'PORT', value: '3978' }
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
  { name: 'NODE_ENV', value: 'production' }
  { name: 'LOG_LEVEL', value: 'info' }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'MicrosoftAppPassword', value: '${kvPrefix}microsoft-app-password)' }
  { name: 'DATABASE_URL', value: '${kvPrefix}database-url)' }
  // Defence in depth beside the single-tenant registration: turns from any other tenant are refused.
  { name: 'ALLOWED_TENANTS', value: tenantId }
  { name: 'RETENTION_CLOSED_CASES_DAYS', value: string(retentionClosedCasesDays) }
  { name: 'RETENTION_AUDIT_DAYS', value: string(retentionAuditDays) }
]
// The bot's language model is on only when LLM_MODEL is set; with AZURE_OPENAI_ENDPOINT it talks
// to Azure OpenAI, where the model is the deployment's name.
var openAISettings = deployOpenAI && llmEnabled
  ? [
      { name: 'LLM_MODEL', value: openAIModelName }
      { name: 'AZURE_OPENAI_ENDPOINT', value: openAI.properties.endpoint }
      { name: 'AZURE_OPENAI_API_KEY', value: '${kvPrefix}azure-openai-api-key)' }
      { name: 'OPENAI_API_VERSION', value: openAIApiVersion }
    ]
  : []

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Instances whose database is unreachable or behind on migrations leave the load balancer.
      healthCheckPath: '/ready'
      appSettings: concat(baseSettings, openAISettings)
    }
  }
  dependsOn: [vaultReader, secretAppPassword, secretDatabaseUrl]
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${namePrefix}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Familiestøtte'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Teams SSO: the Bot Service exchanges the Teams token for one the bot can use (Entra ID v2 provider).
resource ssoConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = if (!empty(oauthConnectionName) && !empty(applicationIdUri)) {
  parent: bot
  name: empty(oauthConnectionName) ? 'unused' : oauthConnectionName
  location: 'global'
  properties: {
    serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
    clientId: microsoftAppId
    clientSecret: microsoftAppPassword
    scopes: 'openid profile offline_access'
    parameters: [
      { key: 'tenantID', value: tenantId }
      { key: 'tokenExchangeUrl', value: '${applicationIdUri}/access_as_user' }
    ]
  }
}

output appHostName string = site.properties.defaultHostName
output messagingEndpoint string = 'https://${site.properties.defaultHostName}/api/messages'
output keyVaultName string = vault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
output managedIdentityClientId string = identity.properties.clientId
output managedIdentityPrincipalId string = identity.properties.principalId
