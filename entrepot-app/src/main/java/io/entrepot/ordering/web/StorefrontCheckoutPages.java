package io.entrepot.ordering.web;

import io.entrepot.catalog.Inventory;
import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Checkout;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.entrepot.ordering.Quote;
import io.entrepot.ordering.internal.IdempotencyKeys;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.web.CurrentMarket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storefront's cart (kept in the session, one market at a time), checkout with the landed-cost
 * breakdown per seller, the order confirmation and a signed-in buyer's order history. Placing an order
 * uses a key made when the review page is shown, so a double submit places one order.
 */
@Controller
class StorefrontCheckoutPages {

    private static final String CART = "entrepot.cart";
    private static final String PLACED = "entrepot.placed-orders";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Checkout checkout;
    private final Orders orders;
    private final Inventory inventory;
    private final CurrentMarket currentMarket;
    private final io.entrepot.logistics.Shipments shipments;

    StorefrontCheckoutPages(Checkout checkout, Orders orders, Inventory inventory, CurrentMarket currentMarket,
            io.entrepot.logistics.Shipments shipments) {
        this.shipments = shipments;
        this.checkout = checkout;
        this.orders = orders;
        this.inventory = inventory;
        this.currentMarket = currentMarket;
    }

    /** The session's cart: a market and its lines. */
    record Cart(String market, List<CartItem> items) implements Serializable {
    }

    record CartItem(UUID offerId, UUID skuId, int quantity) implements Serializable {
    }

    @PostMapping("/store/cart")
    String add(@RequestParam UUID offerId, @RequestParam(defaultValue = "1") int quantity, HttpServletRequest request, HttpServletResponse response) {
        if (quantity < 1 || quantity > 100) {
            throw new IllegalArgumentException("a quantity is between 1 and 100");
        }
        String market = currentMarket.of(request, response);
        UUID sku = ActorContext.callAs(Actor.system("storefront-cart"), () -> inventory.cheapestSku(offerId));
        Cart cart = cart(request.getSession(), market);
        List<CartItem> items = new ArrayList<>();
        boolean merged = false;
        for (CartItem item : cart.items()) {
            if (item.skuId().equals(sku)) {
                items.add(new CartItem(offerId, sku, Math.min(100, item.quantity() + quantity)));
                merged = true;
            } else {
                items.add(item);
            }
        }
        if (!merged) {
            items.add(new CartItem(offerId, sku, quantity));
        }
        request.getSession().setAttribute(CART, new Cart(market, items));
        return "redirect:/store/cart";
    }

    @PostMapping("/store/cart/remove")
    String remove(@RequestParam UUID skuId, HttpServletRequest request, HttpServletResponse response) {
        Cart cart = cart(request.getSession(), currentMarket.of(request, response));
        request.getSession().setAttribute(CART, new Cart(cart.market(), cart.items().stream().filter(i -> !i.skuId().equals(skuId)).toList()));
        return "redirect:/store/cart";
    }

    @GetMapping("/store/cart")
    String cart(HttpServletRequest request, HttpServletResponse response, Model model) {
        Cart cart = cart(request.getSession(), currentMarket.of(request, response));
        model.addAttribute("lines", cart.items().isEmpty() ? List.of() : checkout.preview(MarketCode.of(cart.market()), items(cart)).sellers()
                .stream().flatMap(p -> p.lines().stream()).toList());
        return "ordering/cart";
    }

    @PostMapping("/store/checkout")
    String review(@RequestParam String name, @RequestParam String line1, @RequestParam(required = false) @Nullable String postalCode,
            @RequestParam String city, @RequestParam String email, HttpServletRequest request, HttpServletResponse response, Model model) {
        Cart cart = cart(request.getSession(), currentMarket.of(request, response));
        if (cart.items().isEmpty()) {
            return "redirect:/store/cart";
        }
        if (name.isBlank() || line1.isBlank() || city.isBlank() || name.length() > 200 || line1.length() > 200 || city.length() > 100) {
            throw new IllegalArgumentException("name, street and city are needed (at most 200 characters each)");
        }
        Quote quote = quoteOf(cart, new Quote.Address(name.strip(), line1.strip(), null, city.strip(), postalCode, cart.market()));
        model.addAttribute("quote", quote);
        model.addAttribute("email", email.strip());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "ordering/review";
    }

    @PostMapping("/store/checkout/place")
    String place(@RequestParam UUID quoteId, @RequestParam String email, @RequestParam String paymentToken, @RequestParam String key,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String market = currentMarket.of(request, response);
        UUID buyer = ActorContext.current() instanceof Actor.Buyer b ? b.userId() : null;
        var order = new Checkout.PlaceOrder(quoteId, email.strip(), paymentToken, buyer, request.getRemoteAddr());
        var placement = checkout.place(MarketCode.of(market), "page:" + key, IdempotencyKeys.hash(market, quoteId.toString(), email.strip(),
                paymentToken, String.valueOf(buyer)), order);
        if (placement.status() != 201) {
            model.addAttribute("problem", JSON.readTree(placement.body()).path("detail").asString());
            return "ordering/declined";
        }
        UUID id = UUID.fromString(JSON.readTree(placement.body()).get("id").asString());
        HttpSession session = request.getSession();
        @SuppressWarnings("unchecked")
        LinkedHashSet<UUID> placed = Optional.ofNullable((LinkedHashSet<UUID>) session.getAttribute(PLACED)).orElseGet(LinkedHashSet::new);
        placed.add(id);
        session.setAttribute(PLACED, placed);
        session.removeAttribute(CART);
        return "redirect:/store/orders/" + id;
    }

    @GetMapping("/store/orders/{id}")
    String order(@PathVariable UUID id, HttpServletRequest request, Model model) {
        @SuppressWarnings("unchecked")
        var placed = (LinkedHashSet<UUID>) request.getSession().getAttribute(PLACED);
        OrderView order;
        if (placed != null && placed.contains(id)) {
            // A guest sees the orders placed in this session.
            order = ActorContext.callAs(Actor.system("guest-order-view"), () -> orders.order(id));
        } else if (ActorContext.current() instanceof Actor.Buyer) {
            // Row-level security shows a buyer the order (404 when it is not theirs) but not the seller orders
            // in it, which are sellers' rows: once the order is known to be theirs, it is read whole.
            orders.order(id);
            order = ActorContext.callAs(Actor.system("buyer-order-view"), () -> orders.order(id));
        } else {
            order = orders.order(id);
        }
        model.addAttribute("order", order);
        // The buyer may see this order (checked above), so also where its parcels are.
        var ids = order.sellerOrders().stream().map(OrderView.SellerOrder::id).toList();
        model.addAttribute("shipments", ActorContext.callAs(Actor.system("buyer-tracking"), () -> shipments.ofSellerOrders(ids)).stream()
                .filter(s -> s.direction().equals("outbound"))
                .collect(java.util.stream.Collectors.toMap(io.entrepot.logistics.Shipments.Shipment::sellerOrderId, s -> s)));
        return "ordering/order";
    }

    @GetMapping("/store/orders")
    String history(Model model) {
        if (!(ActorContext.current() instanceof Actor.Buyer buyer)) {
            return "redirect:/login";
        }
        model.addAttribute("orders", orders.ordersOfBuyer(buyer.userId()));
        return "ordering/history";
    }

    private Quote quoteOf(Cart cart, Quote.Address address) {
        return checkout.quote(MarketCode.of(cart.market()), items(cart), address);
    }

    private static List<Checkout.CartLine> items(Cart cart) {
        return cart.items().stream().map(i -> new Checkout.CartLine(i.offerId(), i.skuId(), i.quantity())).toList();
    }

    private static Cart cart(HttpSession session, String market) {
        Object stored = session.getAttribute(CART);
        if (stored instanceof Cart cart && cart.market().equals(market)) {
            return cart;
        }
        return new Cart(market, List.of());
    }
}
