package io.entrepot.demo;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.catalog.ProductId;
import io.entrepot.catalog.Publication;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.seller.NewSeller;
import io.entrepot.seller.NewWarehouse;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.WarehouseKind;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalogue: sellers in several pilot zones, a few hundred products with English and Chinese
 * content (some Thai, Vietnamese and Japanese), published to several markets. Written once, in the
 * background after start-up so it does not delay readiness ({@code entrepot.demo.background=false}
 * writes it before the application reports ready, as the tests want). Exchange rates are demo overrides, clearly
 * labelled, not market data.
 */
@Component
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCatalog {

    private static final Log log = LogFactory.getLog(DemoCatalog.class);
    private static final Actor SEEDING = Actor.system("demo-seed");
    /** Sample CNY rates for the demo only (units of the currency per yuan). */
    private static final Map<String, String> DEMO_CNY_RATES = Map.ofEntries(
            Map.entry("SGD", "0.1857"), Map.entry("MYR", "0.6260"), Map.entry("THB", "4.9156"), Map.entry("VND", "3520"),
            Map.entry("PHP", "8.2857"), Map.entry("IDR", "2253.2"), Map.entry("JPY", "21.104"), Map.entry("KRW", "196.16"),
            Map.entry("USD", "0.1409"), Map.entry("GBP", "0.1084"), Map.entry("EUR", "0.1299"), Map.entry("AUD", "0.2132"),
            Map.entry("MXN", "2.6558"), Map.entry("BRL", "0.7948"), Map.entry("SAR", "0.5284"));

    private static final List<Item> ITEMS = List.of(
            new Item("lighting", "paper lantern", "纸灯笼", "Folding paper lantern with a warm LED", "折叠纸灯笼，暖光LED", 3900, 320),
            new Item("lighting", "desk lamp", "台灯", "Dimmable desk lamp with USB-C charging", "可调光台灯，USB-C充电", 8900, 900),
            new Item("lighting", "string lights", "灯串", "Ten metres of warm fairy lights", "十米暖光灯串", 2900, 250),
            new Item("silk-scarves", "silk scarf", "真丝丝巾", "Mulberry silk scarf, hand-rolled edges", "桑蚕丝丝巾，手工卷边", 12900, 80),
            new Item("silk-scarves", "silk pocket square", "真丝口袋巾", "Silk twill pocket square", "真丝斜纹口袋巾", 5900, 30),
            new Item("kitchen", "steel wok", "铁锅", "Carbon steel wok, pre-seasoned", "碳钢炒锅，已开锅", 15900, 1800),
            new Item("kitchen", "bamboo steamer", "竹蒸笼", "Two-tier bamboo steamer", "双层竹蒸笼", 6900, 700),
            new Item("kitchen", "chopstick set", "筷子套装", "Five pairs of alloy chopsticks", "合金筷子五双装", 3500, 200),
            new Item("tea", "Longjing green tea", "龙井绿茶", "West Lake Longjing, spring harvest", "西湖龙井，春茶", 16800, 250),
            new Item("tea", "oolong tea", "乌龙茶", "Roasted Tieguanyin oolong", "炭焙铁观音", 9800, 250),
            new Item("phone-accessories", "phone case", "手机壳", "Shock-absorbing clear phone case", "防摔透明手机壳", 2900, 60),
            new Item("phone-accessories", "fast charger", "快充充电器", "65 W GaN charger, two ports", "65W氮化镓充电器，双口", 11900, 150),
            new Item("phone-accessories", "power bank", "充电宝", "10,000 mAh slim power bank", "10000毫安超薄充电宝", 9900, 220),
            new Item("bags", "canvas tote", "帆布包", "Heavy canvas tote with inner pocket", "加厚帆布托特包", 4900, 350),
            new Item("bags", "travel backpack", "旅行背包", "Water-resistant 30 L backpack", "防泼水30升背包", 19900, 950),
            new Item("toys", "wooden puzzle", "木制拼图", "Wooden animal puzzle for toddlers", "幼儿木制动物拼图", 3900, 400),
            new Item("toys", "kite", "风筝", "Weifang-style swallow kite", "潍坊沙燕风筝", 5900, 300),
            new Item("tools", "screwdriver set", "螺丝刀套装", "24-bit precision screwdriver set", "24合1精密螺丝刀套装", 7900, 380),
            new Item("beauty", "jade roller", "玉石滚轮", "Xiuyan jade facial roller", "岫玉面部滚轮", 6900, 180),
            new Item("knitwear", "cashmere scarf", "羊绒围巾", "Inner Mongolia cashmere scarf", "内蒙古羊绒围巾", 25900, 200));
    private static final List<String[]> VARIANTS = List.of(
            new String[] {"red", "红色"}, new String[] {"indigo", "靛蓝"}, new String[] {"jade", "翡翠绿"}, new String[] {"ivory", "象牙白"},
            new String[] {"black", "黑色"}, new String[] {"gold", "金色"}, new String[] {"sky blue", "天蓝"}, new String[] {"plum", "梅紫"});
    private static final Map<String, String[]> EXTRA = Map.of(
            "th", new String[] {"th", "สินค้าคุณภาพจากจีน"}, "vi", new String[] {"vi", "Hàng chất lượng từ Trung Quốc"},
            "ja", new String[] {"ja", "中国からの高品質な商品"});

    private final Sellers sellers;
    private final Catalog catalog;
    private final Markets markets;
    private final ExchangeRates rates;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean commandMode;
    private final boolean background;
    private final TaskExecutor executor;
    private final DemoOrders orders;

    DemoCatalog(Sellers sellers, Catalog catalog, Markets markets, ExchangeRates rates, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock, Environment environment,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor, DemoOrders orders) {
        this.orders = orders;
        this.sellers = sellers;
        this.catalog = catalog;
        this.markets = markets;
        this.rates = rates;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.commandMode = environment.getProperty("entrepot.command.active", Boolean.class, false);
        this.background = environment.getProperty("entrepot.demo.background", Boolean.class, true);
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAfterStart() {
        if (commandMode) {
            return;
        }
        if (background) {
            executor.execute(this::seed);
        } else {
            seed();
        }
    }

    private void seed() {
        try {
            Boolean seeded = ActorContext.callAs(SEEDING, () -> transactions.execute(tx -> write()));
            if (Boolean.TRUE.equals(seeded)) {
                log.info("Demo catalogue written: products published to several markets");
            }
            orders.seed();
        } catch (RuntimeException e) {
            log.warn("Demo catalogue not written: " + e.getMessage(), e);
        }
    }

    private boolean write() {
        int claimed = jdbc.sql("insert into demo.seed (name, created_at) values ('catalog', :now) on conflict do nothing")
                .param("now", Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return false;
        }
        CurrencyCode cny = CurrencyCode.of("CNY");
        DEMO_CNY_RATES.forEach((currency, rate) -> rates.override(cny, CurrencyCode.of(currency), new BigDecimal(rate),
                "demo data: sample rate, not market data"));
        record Zone(String legal, String display, String zone) {
        }
        List<Zone> zones = List.of(
                new Zone("Guangzhou Pearl River Trading Co., Ltd.", "Pearl River Home", "Guangzhou"),
                new Zone("Yiwu Sunrise Commodities Co., Ltd.", "Sunrise Goods", "Yiwu"),
                new Zone("Shenzhen Voltline Electronics Co., Ltd.", "Voltline", "Shenzhen"),
                new Zone("Ningbo Harbour Kitchenware Co., Ltd.", "Harbour Kitchen", "Ningbo"),
                new Zone("Hangzhou West Lake Tea & Silk Co., Ltd.", "West Lake Tea & Silk", "Hangzhou"));
        List<SellerId> demoSellers = new ArrayList<>();
        for (Zone zone : zones) {
            demoSellers.add(sellers.register(new NewSeller(zone.legal(), zone.display(), "CN", "91" + Math.abs(zone.zone().hashCode()),
                    zone.zone(), cny, List.of(new NewWarehouse(zone.zone() + " DC", WarehouseKind.ORIGIN, "CN"))), SellerStatus.ACTIVE));
        }
        List<MarketCode> targets = markets.all().stream().filter(Market::open).map(Market::code)
                .filter(c -> List.of("SG", "MY", "TH", "PH", "JP", "US", "GB", "DE", "AU").contains(c.value())).toList();
        Random random = new Random(20261125L);
        int products = 0;
        for (int i = 0; i < 240; i++) {
            SellerId seller = demoSellers.get(i % demoSellers.size());
            Item item = ITEMS.get(i % ITEMS.size());
            String[] variant = VARIANTS.get((i / ITEMS.size()) % VARIANTS.size());
            UUID warehouse = sellers.warehouses(seller).getFirst().id();
            List<Content> contents = new ArrayList<>();
            contents.add(new Content(Locale.ENGLISH, capitalize(variant[0] + " " + item.en()), item.descriptionEn()));
            contents.add(new Content(Locale.SIMPLIFIED_CHINESE, variant[1] + item.zh(), item.descriptionZh()));
            if (i % 7 == 0) {
                String[] extra = List.copyOf(EXTRA.values()).get(i % 3);
                contents.add(new Content(Locale.forLanguageTag(extra[0]), item.en() + " — " + extra[1], extra[1]));
            }
            long base = item.priceFen() + random.nextInt(20) * 100L;
            String code = "DEMO-" + i;
            var product = new NewProduct(item.category(), null, Map.of("colour", variant[0]), Locale.ENGLISH, true, contents, List.of(
                    new NewSku(code + "-S", new Money(base, cny), item.grams(), 300, 200, 100, Map.of("size", "standard"), Map.of(warehouse, 50)),
                    new NewSku(code + "-L", new Money(base + base / 2, cny), item.grams() * 3 / 2, 400, 300, 150, Map.of("size", "large"),
                            Map.of(warehouse, 20))));
            ProductId id = catalog.create(seller, product);
            List<MarketCode> to = targets.stream().filter(m -> random.nextInt(10) < 6).toList();
            catalog.publish(id, new Publication(to.isEmpty() ? targets.subList(0, 1) : to, BigDecimal.valueOf(15), Map.of()));
            products++;
        }
        log.info("Demo catalogue: " + products + " products from " + demoSellers.size() + " sellers");
        return true;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record Item(String category, String en, String zh, String descriptionEn, String descriptionZh, long priceFen, int grams) {
    }
}
